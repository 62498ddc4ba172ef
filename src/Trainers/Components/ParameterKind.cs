namespace Tuner.Trainers.Components;

/// <summary>What values a parameter takes.</summary>
public enum ParameterKind
{
    Float,
    Int,
    Choice,
    Bool,
}
