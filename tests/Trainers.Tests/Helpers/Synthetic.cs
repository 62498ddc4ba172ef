using Tuner.Trainers.Data;

namespace Trainers.Tests.Helpers;

/// <summary>Seeded synthetic datasets for the trainer tests.</summary>
internal static class Synthetic
{
    public static float Gaussian(Random random)
    {
        double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
        return (float)(Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    public static float[] Features(Random random, int rows, int columns)
    {
        var x = new float[rows * columns];
        for (int i = 0; i < x.Length; i++) x[i] = Gaussian(random);
        return x;
    }

    /// <summary>Binary labels from a linear model with noise; only the first <paramref name="relevant"/> features matter.</summary>
    public static LabeledData Binary(int rows, int columns, int seed, int relevant = -1, double noise = 0.3)
    {
        var random = new Random(seed);
        var x = Features(random, rows, columns);
        if (relevant < 0) relevant = columns;
        var truth = Enumerable.Range(0, columns).Select(j => j < relevant ? (float)(random.NextDouble() * 4 - 2) : 0f).ToArray();
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double s = 0.5;
            for (int j = 0; j < columns; j++) s += truth[j] * x[r * columns + j];
            y[r] = s + noise * Gaussian(random) > 0 ? 1 : 0;
        }

        return new LabeledData(new FeatureMatrix(x, rows, columns), y, TaskKind.Binary, 2);
    }

    public static LabeledData Regression(int rows, int columns, int seed, double noise = 0.1)
    {
        var random = new Random(seed);
        var x = Features(random, rows, columns);
        var truth = Enumerable.Range(0, columns).Select(_ => (float)(random.NextDouble() * 2 - 1)).ToArray();
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double s = 1.5;
            for (int j = 0; j < columns; j++) s += truth[j] * x[r * columns + j];
            y[r] = (float)(s + noise * Gaussian(random));
        }

        return new LabeledData(new FeatureMatrix(x, rows, columns), y, TaskKind.Regression, 0);
    }

    /// <summary>Counts from a Poisson model with log-mean linear in the features.</summary>
    public static LabeledData Poisson(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        var x = Features(random, rows, columns);
        for (int i = 0; i < x.Length; i++) x[i] *= 0.5f;
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            double s = 0.5;
            for (int j = 0; j < columns; j++) s += (j % 2 == 0 ? 0.6 : -0.4) * x[r * columns + j];
            double lambda = Math.Exp(s), l = Math.Exp(-lambda), p = 1;
            int k = 0;
            do { k++; p *= random.NextDouble(); } while (p > l);
            y[r] = k - 1;
        }

        return new LabeledData(new FeatureMatrix(x, rows, columns), y, TaskKind.Regression, 0);
    }

    /// <summary>Classes from the arg-max of K random linear functions.</summary>
    public static LabeledData Multiclass(int rows, int columns, int classes, int seed)
    {
        var random = new Random(seed);
        var x = Features(random, rows, columns);
        var truth = Enumerable.Range(0, columns * classes).Select(_ => (float)(random.NextDouble() * 4 - 2)).ToArray();
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            int best = 0;
            double bestScore = double.NegativeInfinity;
            for (int k = 0; k < classes; k++)
            {
                double s = 0.2 * Gaussian(random);
                for (int j = 0; j < columns; j++) s += truth[k * columns + j] * x[r * columns + j];
                if (s > bestScore) (best, bestScore) = (k, s);
            }

            y[r] = best;
        }

        return new LabeledData(new FeatureMatrix(x, rows, columns), y, TaskKind.Multiclass, classes);
    }

    /// <summary>XOR-like: label = sign(x0·x1) on 2 features (plus noise features), not linearly separable.</summary>
    public static LabeledData Xor(int rows, int seed)
    {
        var random = new Random(seed);
        var x = new float[rows * 2];
        var y = new float[rows];
        for (int r = 0; r < rows; r++)
        {
            float a = (float)(random.NextDouble() * 2 - 1), b = (float)(random.NextDouble() * 2 - 1);
            x[2 * r] = a;
            x[2 * r + 1] = b;
            y[r] = a * b > 0 ? 1 : 0;
        }

        return new LabeledData(new FeatureMatrix(x, rows, 2), y, TaskKind.Binary, 2);
    }

    /// <summary>Splits rows [0, cut) and [cut, n) without copying more than the two parts.</summary>
    public static (LabeledData Train, LabeledData Validation) Split(LabeledData data, double trainShare = 0.8)
    {
        int cut = (int)(data.Rows * trainShare), c = data.Features.Columns;
        LabeledData Part(int from, int to) => new(
            new FeatureMatrix(data.Features.Window(from, to - from).ToArray(), to - from, c),
            data.Labels[from..to].ToArray(), data.Task, data.Task == TaskKind.Regression ? 0 : data.ClassCount);
        return (Part(0, cut), Part(cut, data.Rows));
    }
}
