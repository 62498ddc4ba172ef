namespace Tuner.Trainers.Mlp;

/// <summary>The hidden-layer non-linearity.</summary>
internal enum Activation
{
    Relu,
    Tanh,
}
