namespace Tuner.Trainers.Components;

/// <summary>What values a parameter takes.</summary>
internal enum ParameterKind
{
    Float,
    Int,
    Choice,
    Bool,
}
