using Trainers.Tests.Helpers;
using Tuner.Trainers.Schedules;

namespace Trainers.Tests.Schedules;

public sealed class ScheduleTests
{
    private static ILearningRateSchedule Make(int epochs, params (string, object)[] values) =>
        ScheduleFactory.Create(Params.Of([("learning_rate", 0.1), .. values]), epochs);

    [Fact]
    public void Constant_is_lr0() => Assert.Equal(0.1, Make(10).LearningRate(7), 15);

    [Fact]
    public void Inverse_time_divides_by_one_plus_decay_t() =>
        Assert.Equal(0.1 / (1 + 0.5 * 4), Make(10, ("schedule", "inverse_time"), ("lr_decay", 0.5)).LearningRate(4), 15);

    [Fact]
    public void Step_multiplies_every_step_size_epochs()
    {
        var s = Make(20, ("schedule", "step"), ("step_size", 3), ("step_gamma", 0.5));
        Assert.Equal(0.1, s.LearningRate(2), 15);
        Assert.Equal(0.05, s.LearningRate(3), 15);
        Assert.Equal(0.025, s.LearningRate(7), 15);
    }

    [Fact]
    public void Exponential_is_lr0_gamma_to_t() =>
        Assert.Equal(0.1 * Math.Pow(0.8, 5), Make(10, ("schedule", "exponential"), ("exp_gamma", 0.8)).LearningRate(5), 15);

    [Fact]
    public void Cosine_anneals_from_lr0_to_min_over_the_epochs()
    {
        var s = Make(10, ("schedule", "cosine"), ("min_lr", 0.01));
        Assert.Equal(0.1, s.LearningRate(0), 15);
        Assert.Equal(0.01 + 0.09 * 0.5, s.LearningRate(5), 12);
        Assert.Equal(0.01 + 0.09 * (1 + Math.Cos(Math.PI * 9 / 10)) / 2, s.LearningRate(9), 12);
    }

    [Fact]
    public void Cosine_warm_restarts_start_again_every_period()
    {
        var s = Make(12, ("schedule", "cosine"), ("cosine_restart_epochs", 4));
        Assert.Equal(0.1, s.LearningRate(4), 15);
        Assert.Equal(0.1 * (1 + Math.Cos(Math.PI * 2 / 4)) / 2, s.LearningRate(10), 12);
    }

    [Fact]
    public void One_cycle_rises_to_lr0_then_falls_to_a_tiny_rate()
    {
        var s = Make(10, ("schedule", "one_cycle")); // rising for 3 epochs
        Assert.Equal(0.1 / 25, s.LearningRate(0), 15);
        Assert.Equal(0.1, s.LearningRate(3), 15);
        Assert.Equal(0.1 / 25 / 1e4, s.LearningRate(9), 15);
        Assert.True(s.LearningRate(1) < s.LearningRate(2) && s.LearningRate(5) > s.LearningRate(7));
    }

    [Fact]
    public void Plateau_reduces_after_patience_epochs_without_improvement()
    {
        var s = Make(10, ("schedule", "plateau"), ("plateau_factor", 0.5), ("plateau_patience", 1));
        s.Observe(1.0);
        Assert.Equal(0.1, s.LearningRate(1), 15);
        s.Observe(1.0); // 1 bad epoch: tolerated
        Assert.Equal(0.1, s.LearningRate(2), 15);
        s.Observe(1.2); // 2 bad epochs > patience
        Assert.Equal(0.05, s.LearningRate(3), 15);
        s.Observe(0.5); // improvement
        s.Observe(0.6);
        Assert.Equal(0.05, s.LearningRate(5), 15);
    }

    [Fact]
    public void Warmup_ramps_linearly_then_hands_over_to_the_schedule()
    {
        var s = Make(10, ("schedule", "exponential"), ("exp_gamma", 0.5), ("warmup_epochs", 3));
        Assert.Equal(0.1 * 1 / 4, s.LearningRate(0), 15);
        Assert.Equal(0.1 * 3 / 4, s.LearningRate(2), 15);
        Assert.Equal(0.1, s.LearningRate(3), 15);
        Assert.Equal(0.05, s.LearningRate(4), 15);
    }

    [Fact]
    public void Unknown_schedule_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Make(10, ("schedule", "sawtooth")));
}
