namespace EarthData.Cli.Tests;

public class SocketTuningTests
{
    [Fact]
    public void Apply_TurnsInlineCompletionsOn_UnlessTheOperatorChose()
    {
        var variable = SocketTuning.InlineCompletionsVariable;
        var original = Environment.GetEnvironmentVariable(variable);
        try
        {
            Environment.SetEnvironmentVariable(variable, null);
            Assert.True(SocketTuning.Apply());
            Assert.Equal("1", Environment.GetEnvironmentVariable(variable));

            Environment.SetEnvironmentVariable(variable, "0");
            Assert.False(SocketTuning.Apply());
            Assert.Equal("0", Environment.GetEnvironmentVariable(variable));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, original);
        }
    }
}
