using System.Text.Json.Serialization;

namespace Tuner.Reports.Model;

/// <summary>
/// The winner's-curse check of a study: its best configurations trained and scored again on fresh folds of all its
/// labelled rows (training and validation), which the selection never ranked on. The winner is the best re-evaluated
/// configuration; the optimism is how much better its search score looked than its re-evaluated score.
/// </summary>
internal sealed record Reevaluation(int Folds, int SplitSeed, bool HigherIsBetter, IReadOnlyList<ReevaluatedTrial> Trials)
{
    /// <summary>The re-evaluated trial with the best fresh score (the earlier on a tie), null when none has one.</summary>
    [JsonIgnore]
    public ReevaluatedTrial? Winner => Trials.Where(t => double.IsFinite(t.Value))
        .OrderBy(t => HigherIsBetter ? -t.Value : t.Value).ThenBy(t => t.SearchRank).FirstOrDefault();

    /// <summary>The search's own pick: its best validation score.</summary>
    [JsonIgnore]
    public ReevaluatedTrial? Selected => Trials.OrderBy(t => t.SearchRank).FirstOrDefault();

    /// <summary>Search score minus fresh score, signed so that positive means the search score was too good.</summary>
    public double Optimism(ReevaluatedTrial trial) => HigherIsBetter ? trial.SearchValue - trial.Value : trial.Value - trial.SearchValue;
}

/// <summary>One re-evaluated configuration: its rank and score in the search, and its mean score on the fresh folds, with a 95% interval.</summary>
internal sealed record ReevaluatedTrial(int Number, int SearchRank, string Trainer, double SearchValue, double Value, double Low, double High, IReadOnlyList<double> FoldValues);
