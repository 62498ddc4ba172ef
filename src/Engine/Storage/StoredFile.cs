namespace Tuner.Storage;

/// <summary>
/// A copy of a study's data file kept in a shared store, so a worker on a machine without the file can
/// load it. <see cref="Role"/> is <see cref="Data"/> or <see cref="Validation"/>.
/// </summary>
public sealed record StoredFile(string Role, string Name, string Fingerprint, byte[] Content)
{
    public const string Data = "data";
    public const string Validation = "validation";
}
