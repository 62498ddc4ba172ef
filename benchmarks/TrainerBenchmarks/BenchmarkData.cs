using Tuner.Trainers.Data;

namespace Tuner.Benchmarks;

/// <summary>
/// Seeded binary data from a noisy linear model: features standard normal, label = [w·x + b + noise &gt; 0].
/// Training and validation rows come from the same generator (the first 80% and the last 20%).
/// </summary>
internal sealed record BenchmarkData(LabeledData Training, LabeledData Validation)
{
    public static BenchmarkData Generate(int rows, int columns, int seed, double noise = 1.0)
    {
        var random = new Random(seed);
        var truth = new double[columns];
        for (int j = 0; j < columns; j++) truth[j] = Gaussian(random) / Math.Sqrt(columns) * 3;
        int trainRows = rows * 4 / 5;
        return new BenchmarkData(Part(random, truth, trainRows, noise), Part(random, truth, rows - trainRows, noise));
    }

    private static LabeledData Part(Random random, double[] truth, int rows, double noise)
    {
        int columns = truth.Length;
        var x = new float[rows * columns];
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double s = 0.25;
            for (int j = 0; j < columns; j++)
            {
                float v = (float)Gaussian(random);
                x[r * columns + j] = v;
                s += truth[j] * v;
            }

            y[r] = s + noise * Gaussian(random) > 0 ? 1 : 0;
        }

        return new LabeledData(new FeatureMatrix(x, rows, columns), y, TaskKind.Binary, 2);
    }

    private static double Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
