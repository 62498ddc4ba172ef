namespace Tuner.Trainers.Data;

/// <summary>The kind of prediction a dataset asks for.</summary>
public enum TaskKind
{
    Binary,
    Multiclass,
    Regression,
}
