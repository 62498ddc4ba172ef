using System.Reflection;
using Xunit.Sdk;

namespace Tuner.Tests.Storage;

/// <summary>A fact that needs a PostgreSQL server: skipped, saying so, when none is configured (see <see cref="PostgresServer"/>).</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresServer.Skipped) Skip = PostgresServer.SkipReason;
    }
}

/// <summary>
/// The PostgreSQL row of a theory over both store engines (beside <c>[InlineData(Engines.Sqlite)]</c>): skipped,
/// saying so, when no server is configured.
/// </summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    public PostgresDataAttribute()
    {
        if (PostgresServer.Skipped) Skip = PostgresServer.SkipReason;
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Engines.Postgres]];
}
