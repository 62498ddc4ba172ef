using System.Data.Common;

namespace Tuner.Storage;

/// <summary>
/// One connection as a store call uses it: commands with named parameters, enlisted in the transaction
/// while one is open. How a write transaction begins is the dialect's (SQLite takes its write lock at once).
/// </summary>
internal sealed class StoreSession(DbConnection connection, Func<DbConnection, DbTransaction> beginWrite)
{
    private DbTransaction? _transaction;

    public DbConnection Connection => connection;

    public DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = _transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteScalar();
    }

    public List<T> ReadAll<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return StoreRows.ReadAll(command, read);
    }

    /// <summary>Runs <paramref name="work"/> in a write transaction, committed only when it says so.</summary>
    public T InWriteTransaction<T>(Func<(bool Commit, T Result)> work) => InTransaction(beginWrite(connection), work);

    /// <summary>Runs <paramref name="work"/> in <paramref name="transaction"/>, committed only when it says so.</summary>
    public T InTransaction<T>(DbTransaction transaction, Func<(bool Commit, T Result)> work)
    {
        using (transaction)
        {
            _transaction = transaction;
            try
            {
                var (commit, result) = work();
                if (commit) transaction.Commit();
                else transaction.Rollback();
                return result;
            }
            finally
            {
                _transaction = null;
            }
        }
    }

    /// <summary>
    /// Bumps the study's version and returns it for the trial being changed. Inside a write transaction the
    /// study row stays locked until commit, so the changes of one study take versions in commit order.
    /// </summary>
    public long NextVersion(long studyId) =>
        Convert.ToInt64(Scalar("UPDATE studies SET version = version + 1 WHERE id = @study RETURNING version", ("@study", studyId)));
}
