using Tuner.Trainers.Data;

namespace Tuner.Trainers.MlNet;

/// <summary>
/// The raw scores (one per class) of one set of rows after the rounds of a tree ensemble added so far, and the
/// buffers its staged predictions are computed into. They are reused every round, where fresh arrays per round (a
/// multiclass set's predictions are megabytes) cost more than the arithmetic; and a boosted trial's next stage, whose
/// first rounds repeat the last stage's trees, adds only the rounds after <see cref="Rounds"/>.
/// </summary>
internal sealed class RoundScores
{
    public RoundScores(LabeledData data, int width, int classesWithTrees)
    {
        Data = data;
        Raw = new double[data.Rows * width];
        // A class the booster never saw has no trees and no score: its probability is 0.
        if (classesWithTrees < width)
            for (int r = 0; r < data.Rows; r++) Raw.AsSpan(r * width + classesWithTrees, width - classesWithTrees).Fill(double.NegativeInfinity);
        Output = new double[Raw.Length];
    }

    public LabeledData Data { get; }

    /// <summary>Row-major: row r's class c at r·width + c.</summary>
    public double[] Raw { get; }

    /// <summary>How many rounds <see cref="Raw"/> holds (<see cref="StagedEnsemble.AddRound"/> adds one at a time).</summary>
    public int Rounds { get; set; }

    /// <summary>Where the predictions of the current round are written.</summary>
    public double[] Output { get; }

    /// <summary>A forest's raw scores rescaled to all its trees (see <see cref="StagedEnsemble.StagedPredictions"/>).</summary>
    public double[] Scaled => _scaled ??= new double[Raw.Length];

    private double[]? _scaled;
}
