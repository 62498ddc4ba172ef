namespace Tuner.Trainers.Export.Proto;

/// <summary>A node attribute: one int, a list of ints, or a list of strings (all this exporter needs).</summary>
internal sealed record OnnxAttribute(string Name, long Int = 0, long[]? Ints = null, string[]? Strings = null)
{
    public static OnnxAttribute Of(string name, long value) => new(name, value);

    public static OnnxAttribute Of(string name, long[] values) => new(name, Ints: values);

    public static OnnxAttribute Of(string name, string[] values) => new(name, Strings: values);
}
