namespace Tuner.Trainers.Training;

/// <summary>
/// Every hyper-parameter name the custom trainers (<c>SgdTrainer</c>, <c>MlpTrainer</c>) read, with its
/// default. Unknown names are ignored; a value outside its range is rejected with an
/// <see cref="ArgumentException"/> that names the parameter.
/// </summary>
public static class ParameterNames
{
    // ---- objective ----

    /// <summary>
    /// string. Regression: squared (default), absolute, huber, epsilon_insensitive, log_cosh, poisson.
    /// Binary: log (default), hinge, squared_hinge, modified_huber, focal.
    /// Multiclass: softmax (default), multiclass_hinge (Crammer–Singer), softmax_focal.
    /// </summary>
    public const string Loss = "loss";

    /// <summary>double &gt; 0, default 1. Only for loss=huber.</summary>
    public const string HuberDelta = "huber_delta";

    /// <summary>double ≥ 0, default 0.1. Only for loss=epsilon_insensitive.</summary>
    public const string Epsilon = "epsilon";

    /// <summary>double ≥ 0, default 2. For loss=focal and loss=softmax_focal.</summary>
    public const string FocalGamma = "focal_gamma";

    /// <summary>double in (0,1), or ≤ 0 for "off" (α_t = 1), default off. Only for loss=focal.</summary>
    public const string FocalAlpha = "focal_alpha";

    /// <summary>string: none (default) | balanced (n / (classes · count_c)) | a list "w0,w1,…" one per class. Classification only.</summary>
    public const string ClassWeights = "class_weights";

    // ---- regularisation ----

    /// <summary>double ≥ 0, default 0. L1 strength; applied with the cumulative-penalty truncated gradient.</summary>
    public const string L1 = "l1";

    /// <summary>double ≥ 0, default 0. L2 strength (penalty ½·l2·‖w‖², added to the gradient as weight decay).</summary>
    public const string L2 = "l2";

    // ---- learning rate and schedule ----

    /// <summary>double &gt; 0, default 0.01 (lr0).</summary>
    public const string LearningRate = "learning_rate";

    /// <summary>string: constant (default), inverse_time, step, exponential, cosine, one_cycle, plateau. t counts epochs (0-based).</summary>
    public const string Schedule = "schedule";

    /// <summary>double ≥ 0, default 0.1. inverse_time: lr0/(1+lr_decay·t).</summary>
    public const string LearningRateDecay = "lr_decay";

    /// <summary>int ≥ 1, default 10. step: epochs per step.</summary>
    public const string StepSize = "step_size";

    /// <summary>double in (0,1], default 0.5. step: factor per step.</summary>
    public const string StepGamma = "step_gamma";

    /// <summary>double in (0,1], default 0.9. exponential: lr0·exp_gamma^t.</summary>
    public const string ExponentialGamma = "exp_gamma";

    /// <summary>int ≥ 0, default 0 (no restarts). cosine: period of warm restarts in epochs.</summary>
    public const string CosineRestartEpochs = "cosine_restart_epochs";

    /// <summary>double ≥ 0, default 0. cosine: the floor of the learning rate.</summary>
    public const string MinLearningRate = "min_lr";

    /// <summary>double in (0,1), default 0.1. plateau: factor applied when validation loss stalls.</summary>
    public const string PlateauFactor = "plateau_factor";

    /// <summary>int ≥ 0, default 2. plateau: epochs without improvement tolerated before reducing.</summary>
    public const string PlateauPatience = "plateau_patience";

    /// <summary>int ≥ 0, default 0 (none). Linear warmup epochs in front of any schedule.</summary>
    public const string WarmupEpochs = "warmup_epochs";

    // ---- optimiser ----

    /// <summary>string: sgd (default), momentum, nesterov, adam.</summary>
    public const string Optimizer = "optimizer";

    /// <summary>double in [0,1), default 0.9. Only for optimizer=momentum|nesterov.</summary>
    public const string Momentum = "momentum";

    /// <summary>double in [0,1), default 0.9. Only for optimizer=adam.</summary>
    public const string AdamBeta1 = "adam_beta1";

    /// <summary>double in [0,1), default 0.999. Only for optimizer=adam.</summary>
    public const string AdamBeta2 = "adam_beta2";

    /// <summary>string: none (default) | norm | value. Gradient clipping of the batch gradient.</summary>
    public const string Clip = "clip";

    /// <summary>double &gt; 0, default 1. Only for clip=norm|value.</summary>
    public const string ClipThreshold = "clip_threshold";

    // ---- loop ----

    /// <summary>int ≥ 1, default 32 (clamped to the row count). The gradient is averaged over the batch.</summary>
    public const string BatchSize = "batch_size";

    /// <summary>int ≥ 1, default 10.</summary>
    public const string Epochs = "epochs";

    /// <summary>int, default 0. Seeds the initial weights and the shuffle of every epoch.</summary>
    public const string Seed = "seed";

    /// <summary>int ≥ 0, default 0 (off). Epochs without validation-loss improvement before stopping; the best epoch's weights are returned.</summary>
    public const string EarlyStoppingPatience = "early_stopping_patience";

    // ---- MLP only ----

    /// <summary>int 1…3, default 1.</summary>
    public const string HiddenLayers = "hidden_layers";

    /// <summary>int ≥ 1, default 32. Width of every hidden layer unless hidden_size_k is given.</summary>
    public const string HiddenSize = "hidden_size";

    /// <summary>Width of hidden layer k (1-based, k ≤ hidden_layers), e.g. "hidden_size_2"; defaults to hidden_size.</summary>
    public static string HiddenSizeOf(int layer) => $"hidden_size_{layer}";

    /// <summary>string: relu (default) | tanh.</summary>
    public const string Activation = "activation";

    /// <summary>string: he (default) | xavier | uniform.</summary>
    public const string Init = "init";

    /// <summary>double &gt; 0, default 0.05. Only for init=uniform: weights uniform in ±init_scale.</summary>
    public const string InitScale = "init_scale";
}
