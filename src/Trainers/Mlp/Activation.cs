namespace Tuner.Trainers.Mlp;

/// <summary>The hidden-layer non-linearity.</summary>
public enum Activation
{
    Relu,
    Tanh,
}
