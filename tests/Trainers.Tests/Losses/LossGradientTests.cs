using Trainers.Tests.Helpers;
using Tuner.Trainers.Data;
using Tuner.Trainers.Losses;

namespace Trainers.Tests.Losses;

/// <summary>The contract of every registered loss, for every task it applies to.</summary>
public sealed class LossGradientTests
{
    public static TheoryData<TaskKind, string> AllLosses()
    {
        var data = new TheoryData<TaskKind, string>();
        foreach (var entry in LossFactory.All)
            foreach (var task in entry.Tasks)
                data.Add(task, entry.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllLosses))]
    public void Value_is_finite_and_gradient_matches_central_finite_difference(TaskKind task, string name)
    {
        var loss = LossFactory.Create(task, Params.Of(("loss", name), ("huber_delta", 0.7), ("epsilon", 0.2), ("focal_gamma", 1.5), ("focal_alpha", 0.25)));
        int width = task == TaskKind.Multiclass ? 4 : 1;
        var random = new Random(17);
        var gradient = new double[width];
        int checkedPoints = 0;
        for (int trial = 0; trial < 200; trial++)
        {
            var scores = Enumerable.Range(0, width).Select(_ => random.NextDouble() * 6 - 3).ToArray();
            float label = task switch
            {
                TaskKind.Binary => random.Next(2),
                TaskKind.Multiclass => random.Next(width),
                _ => name == "poisson" ? random.Next(5) : (float)(random.NextDouble() * 6 - 3),
            };
            if (NearKink(name, scores, label)) continue;
            double value = loss.ValueAndGradient(scores, label, gradient);
            Assert.True(double.IsFinite(value) && gradient.All(double.IsFinite), $"{name}: not finite at scores [{string.Join(", ", scores)}] label {label}");
            Assert.Equal(loss.Value(scores, label), value, 12);
            for (int k = 0; k < width; k++)
            {
                const double h = 1e-6;
                var plus = (double[])scores.Clone();
                var minus = (double[])scores.Clone();
                plus[k] += h;
                minus[k] -= h;
                double numeric = (loss.Value(plus, label) - loss.Value(minus, label)) / (2 * h);
                Assert.True(Math.Abs(numeric - gradient[k]) <= 1e-5 * Math.Max(1, Math.Abs(numeric)),
                    $"{name}: scores [{string.Join(", ", scores)}] label {label} component {k}: analytic {gradient[k]}, numeric {numeric}");
            }

            checkedPoints++;
        }

        Assert.True(checkedPoints > 100, $"only {checkedPoints} points were away from kinks");
    }

    /// <summary>Points within 1e-3 of a non-differentiable point are skipped.</summary>
    private static bool NearKink(string name, double[] scores, float label)
    {
        const double tolerance = 1e-3;
        double s = scores[0], z = MarginLoss.Sign(label) * s, r = s - label;
        return name switch
        {
            "hinge" or "squared_hinge" or "modified_huber" => Math.Abs(z - 1) < tolerance || Math.Abs(z + 1) < tolerance,
            "absolute" => Math.Abs(r) < tolerance,
            "huber" => Math.Abs(Math.Abs(r) - 0.7) < tolerance,
            "epsilon_insensitive" => Math.Abs(Math.Abs(r) - 0.2) < tolerance || Math.Abs(r) < tolerance,
            "multiclass_hinge" => MulticlassKink(scores, (int)label, tolerance),
            _ => false,
        };
    }

    private static bool MulticlassKink(double[] scores, int y, double tolerance)
    {
        var wrong = scores.Where((_, k) => k != y).OrderByDescending(v => v).ToArray();
        return Math.Abs(wrong[0] - wrong[1]) < tolerance || Math.Abs(1 + wrong[0] - scores[y]) < tolerance;
    }
}
