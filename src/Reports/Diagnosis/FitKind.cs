namespace Tuner.Reports.Diagnosis;

/// <summary>What a trial's learning curve (or its final metrics) says about its fit. Declared in priority order.</summary>
public enum FitKind
{
    /// <summary>Training blew up: a NaN or infinite loss, or a training loss far above its minimum.</summary>
    Diverged,

    /// <summary>The gradient norm grew by orders of magnitude over the run.</summary>
    ExplodingGradients,

    /// <summary>The input layer of a network barely receives gradient compared with its output layer.</summary>
    VanishingGradients,

    /// <summary>The validation loss oscillates instead of settling.</summary>
    Unstable,

    /// <summary>Validation got worse while training kept improving, or the train–validation gap is large.</summary>
    Overfitting,

    /// <summary>Still improving steeply when training ended, or well below the study's best without a gap.</summary>
    Underfitting,

    /// <summary>None of the rules fired.</summary>
    GoodFit,

    /// <summary>Nothing to judge: no curve and no final metrics.</summary>
    Unknown,
}
