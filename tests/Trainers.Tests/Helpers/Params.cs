using Tuner.Trainers.Training;

namespace Trainers.Tests.Helpers;

public static class Params
{
    public static HyperParameters Of(params (string Name, object Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, object>(v.Name, v.Value)));
}
