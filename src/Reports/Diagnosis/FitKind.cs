namespace Tuner.Reports.Diagnosis;

/// <summary>What a trial's learning curve (or its final metrics) says about its fit. Declared in priority order.</summary>
public enum FitKind
{
    /// <summary>Training blew up: a NaN or infinite loss, a training loss far above its minimum, or losses far from normal throughout.</summary>
    Diverged,

    /// <summary>Three epochs or fewer: no trend to judge.</summary>
    TooShort,

    /// <summary>The validation loss oscillates instead of settling.</summary>
    Unstable,

    /// <summary>Validation got worse while training kept improving, or the train–validation gap widened.</summary>
    Overfitting,

    /// <summary>Still improving when the planned epochs ran out, or poor on its own training rows.</summary>
    Underfitting,

    /// <summary>None of the rules above fired.</summary>
    GoodFit,

    /// <summary>The gradient norm grew by orders of magnitude over the run (a further finding, never the verdict).</summary>
    ExplodingGradients,

    /// <summary>The input layer of a network barely receives gradient compared with its output layer (a further finding).</summary>
    VanishingGradients,

    /// <summary>Nothing to judge: no curve and no final metrics.</summary>
    Unknown,
}
