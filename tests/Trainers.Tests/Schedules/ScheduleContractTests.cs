using Trainers.Tests.Helpers;
using Tuner.Trainers.Schedules;

namespace Trainers.Tests.Schedules;

/// <summary>The contract of every registered schedule at its defaults, with and without warmup.</summary>
public sealed class ScheduleContractTests
{
    private const double Lr0 = 0.1;
    private const int Epochs = 100;

    public static TheoryData<string, int> AllSchedules()
    {
        var data = new TheoryData<string, int>();
        foreach (var name in ScheduleFactory.Names)
            foreach (var warmup in new[] { 0, 3 })
                data.Add(name, warmup);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllSchedules))]
    public void Rates_are_positive_finite_at_most_lr0_and_reach_it(string name, int warmup)
    {
        var schedule = ScheduleFactory.Create(Params.Of(("learning_rate", Lr0), ("schedule", name), ("warmup_epochs", warmup)), Epochs);
        var rates = new List<double>();
        for (int epoch = 0; epoch < Epochs; epoch++)
        {
            rates.Add(schedule.LearningRate(epoch));
            schedule.Observe(1.0); // a stalled validation loss: the plateau schedule reduces
        }

        Assert.All(rates, r => Assert.True(r > 0 && double.IsFinite(r) && r <= Lr0 * (1 + 1e-12), $"{name}: rate {r}"));
        Assert.Equal(Lr0, rates.Max(), 12);
        if (warmup > 0) Assert.True(rates[0] < Lr0, $"{name}: warmup starts below lr0");
    }

    [Theory]
    [InlineData("constant")]
    [InlineData("inverse_time")]
    [InlineData("step")]
    [InlineData("exponential")]
    [InlineData("cosine")]
    [InlineData("plateau")]
    public void Without_warmup_a_decaying_schedule_starts_at_lr0(string name) =>
        Assert.Equal(Lr0, ScheduleFactory.Create(Params.Of(("learning_rate", Lr0), ("schedule", name)), Epochs).LearningRate(0), 15);

    [Fact]
    public void Warmup_none_turns_warmup_epochs_off() =>
        Assert.Equal(Lr0, ScheduleFactory.Create(Params.Of(("learning_rate", Lr0), ("warmup", "none"), ("warmup_epochs", 3)), Epochs).LearningRate(0), 15);
}
