namespace Tuner.Trainers.Training;

/// <summary>
/// The hyper-parameter names the custom trainers (<c>SgdTrainer</c>, <c>MlpTrainer</c>) read. Each one's kind, valid
/// range, default and description are in its <see cref="Components.ParameterInfo"/>, listed per trainer and task by
/// <see cref="TrainerRegistry"/>; a search space is checked against them before the first trial, and a value outside
/// its range is rejected at run time with an <see cref="ArgumentException"/> that names the parameter.
/// </summary>
internal static class ParameterNames
{
    // ---- objective ----

    public const string Loss = "loss";

    public const string HuberDelta = "huber_delta";

    public const string Epsilon = "epsilon";

    public const string FocalGamma = "focal_gamma";

    public const string FocalAlpha = "focal_alpha";

    public const string ClassWeights = "class_weights";

    // ---- regularisation ----

    public const string L1 = "l1";

    public const string L2 = "l2";

    // ---- learning rate and schedule ----

    public const string LearningRate = "learning_rate";

    public const string Schedule = "schedule";

    public const string LearningRateDecay = "lr_decay";

    public const string StepSize = "step_size";

    public const string StepGamma = "step_gamma";

    public const string ExponentialGamma = "exp_gamma";

    public const string CosineRestartEpochs = "cosine_restart_epochs";

    public const string MinLearningRate = "min_lr";

    public const string PlateauFactor = "plateau_factor";

    public const string PlateauPatience = "plateau_patience";

    public const string Warmup = "warmup";

    public const string WarmupEpochs = "warmup_epochs";

    // ---- optimiser ----

    public const string Optimizer = "optimizer";

    public const string Momentum = "momentum";

    public const string AdamBeta1 = "adam_beta1";

    public const string AdamBeta2 = "adam_beta2";

    public const string Clip = "clip";

    public const string ClipThreshold = "clip_threshold";

    // ---- loop ----

    public const string BatchSize = "batch_size";

    public const string Epochs = "epochs";

    public const string Seed = "seed";

    public const string EarlyStoppingPatience = "early_stopping_patience";

    // ---- MLP only ----

    public const string HiddenLayers = "hidden_layers";

    public const string HiddenSize = "hidden_size";

    /// <summary>Width of hidden layer k (1-based, k ≤ hidden_layers), e.g. "hidden_size_2"; defaults to hidden_size.</summary>
    public static string HiddenSizeOf(int layer) => $"hidden_size_{layer}";

    public const string Activation = "activation";

    public const string Init = "init";

    public const string InitScale = "init_scale";
}
