namespace Tuner.Cli;

/// <summary>The exit codes scripts depend on (see the command-line contract).</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadInput = 2;
    public const int Interrupted = 130;
}
