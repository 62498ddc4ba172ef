using System.Text.RegularExpressions;
using Npgsql;

namespace Tuner.Storage;

/// <summary>
/// Recognises a PostgreSQL --storage value, describes it without its secrets, and turns connection
/// failures into one line a user can act on. A connection string is only ever shown through
/// <see cref="Describe"/>: host, port, database and user, never a password.
/// </summary>
internal static partial class PostgresConnection
{
    /// <summary>A --storage value names PostgreSQL when it is a connection string with a Host (or its alias Server); any other value is an SQLite file.</summary>
    public static bool IsConnectionString(string storage) => HostKey().IsMatch(storage);

    public static NpgsqlConnectionStringBuilder Parse(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            // The message names the keyword at fault, never a password.
            throw new UserInputException($"--storage is not a usable PostgreSQL connection string: {e.Message.TrimEnd('.')}; write it as \"Host=...;Database=...;Username=...;Password=...\".");
        }
    }

    /// <summary>Where the server is, safe for logs and reports: only host, port, database and user.</summary>
    public static string Describe(NpgsqlConnectionStringBuilder builder)
    {
        var parts = new List<string> { $"Host={builder.Host}" };
        if (builder.Port != NpgsqlConnection.DefaultPort) parts.Add($"Port={builder.Port}");
        if (!string.IsNullOrEmpty(builder.Database)) parts.Add($"Database={builder.Database}");
        if (!string.IsNullOrEmpty(builder.Username)) parts.Add($"Username={builder.Username}");
        return "PostgreSQL " + string.Join(';', parts);
    }

    public static string Describe(string connectionString) => Describe(Parse(connectionString));

    /// <summary>
    /// The connection string the store uses: the user's, with statements prepared automatically (the store
    /// runs the same few statements over and over) unless the user chose otherwise.
    /// </summary>
    public static string ForStore(NpgsqlConnectionStringBuilder builder)
    {
        var tuned = new NpgsqlConnectionStringBuilder(builder.ConnectionString);
        if (tuned.MaxAutoPrepare == 0) tuned.MaxAutoPrepare = 32;
        if (string.IsNullOrEmpty(tuned.ApplicationName)) tuned.ApplicationName = "tuner";
        return tuned.ConnectionString;
    }

    /// <summary>A failure to reach or log into the server, as one line naming what to fix.</summary>
    public static UserInputException Explain(NpgsqlException failure, string location) => failure switch
    {
        PostgresException { SqlState: PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification } e =>
            new UserInputException($"{location} refused the login: {e.MessageText}; check Username and Password in --storage."),
        PostgresException { SqlState: PostgresErrorCodes.InvalidCatalogName } e =>
            new UserInputException($"{location}: {e.MessageText}; create the database (createdb) or fix Database= in --storage."),
        PostgresException e =>
            new UserInputException($"{location} cannot hold a study store: {e.SqlState}: {e.MessageText}; check the user's rights on the database in --storage."),
        _ => new UserInputException(
            $"Cannot reach {location}: {Innermost(failure).Message.TrimEnd('.')}; check Host and Port in --storage and that the server is running."),
    };

    [GeneratedRegex(@"(^|;)\s*(host|server)\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex HostKey();

    private static Exception Innermost(Exception e) => e.InnerException is { } inner ? Innermost(inner) : e;
}
