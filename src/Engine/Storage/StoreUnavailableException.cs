namespace Tuner.Storage;

/// <summary>
/// The store cannot be used for a while, through no fault of the tuner: its PostgreSQL server stayed unreachable
/// longer than the retries wait, the disk holding its SQLite file is full, or another process holds its lock.
/// The message is one line naming the store, the cause and how to go on; what was recorded before is kept, and
/// running the same command again continues the study.
/// </summary>
public sealed class StoreUnavailableException(string message, Exception inner) : Exception(message, inner);
