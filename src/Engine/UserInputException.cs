namespace Tuner;

/// <summary>
/// A mistake the user can fix: bad data, a bad option, a missing file. The message is one line that says
/// what is wrong, where, and how to fix it; the tool prints it without a stack trace and exits with 2.
/// </summary>
public sealed class UserInputException(string message) : Exception(message);
