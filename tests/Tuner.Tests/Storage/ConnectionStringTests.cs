using Tuner.Storage;

namespace Tuner.Tests.Storage;

/// <summary>How a --storage value picks the engine, and that a connection string is only shown without its secrets.</summary>
public sealed class ConnectionStringTests
{
    [Theory]
    [InlineData("Host=db.example;Database=tuner;Username=u;Password=p", true)]
    [InlineData("host = 10.0.0.5 ; port=6432", true)]
    [InlineData("Database=tuner; Host=db", true)]
    [InlineData("Server=db;Database=tuner", true)]
    [InlineData("runs/spam-type/study.db", false)]
    [InlineData("/data/a=b;ghost=c/study.db", false)]
    [InlineData("study.db", false)]
    public void A_storage_value_names_PostgreSQL_when_it_has_a_Host(string storage, bool shared) =>
        Assert.Equal(shared, StoredStudy.IsShared(storage));

    [Fact]
    public void A_described_connection_string_keeps_where_and_who_but_no_secret()
    {
        var described = StoredStudy.Describe("Host=db.example;Port=6432;Database=tuner;Username=worker;Password=s3cret;SSL Password=k3y;Passfile=/p");

        Assert.Equal("PostgreSQL Host=db.example;Port=6432;Database=tuner;Username=worker", described);
        Assert.Equal("runs/x/study.db", StoredStudy.Describe("runs/x/study.db"));
    }

    [Fact]
    public void A_malformed_connection_string_is_bad_input_that_names_the_keyword_but_not_the_password()
    {
        var error = Assert.Throws<UserInputException>(() => StoredStudy.OpenStore("Host=db;Pasword=s3cret"));

        Assert.Contains("pasword", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("s3cret", error.Message);
    }
}
