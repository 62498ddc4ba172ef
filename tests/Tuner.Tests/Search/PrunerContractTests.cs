using Tuner.Search;
using Tuner.Study;

namespace Tuner.Tests.Search;

/// <summary>The contract of every registered pruner at its default settings.</summary>
public sealed class PrunerContractTests
{
    public static TheoryData<string, bool> AllPruners()
    {
        var data = new TheoryData<string, bool>();
        foreach (var name in PrunerFactory.Names)
            foreach (var higherIsBetter in new[] { true, false })
                data.Add(name, higherIsBetter);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPruners))]
    public void The_first_trial_is_never_pruned(string name, bool higherIsBetter)
    {
        var pruner = PrunerFactory.Create(name, higherIsBetter);
        var board = new CurveBoard();
        var random = new Random(5);
        for (var epoch = 1; epoch <= 100; epoch++)
        {
            var value = random.NextDouble();
            board.Record(0, "sgd", epoch, value);
            Assert.Null(pruner.Check(0, epoch, value, board));
        }
    }
}
