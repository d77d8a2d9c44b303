namespace EarthData.Testing;

/// <summary>Connection settings of the real servers <c>tests/run.sh</c> starts; a missing one fails the test with a clear message.</summary>
public static class TestServers
{
    /// <summary>Azurite's blob connection string (<c>EARTHDATA_TEST_AZURE_BLOB</c>).</summary>
    public static string AzureBlob => Require("EARTHDATA_TEST_AZURE_BLOB", "Azurite");

    /// <summary>Npgsql connection string of a scratch PostgreSQL database (<c>EARTHDATA_TEST_POSTGRES</c>).</summary>
    public static string Postgres => Require("EARTHDATA_TEST_POSTGRES", "PostgreSQL");

    /// <summary>Folder of the npm tools (<c>EARTHDATA_TEST_TOOLS</c>): <c>node_modules/.bin/…</c>.</summary>
    public static string NodeTools => Require("EARTHDATA_TEST_TOOLS", "the npm tools (azurite, stac-node-validator)");

    private static string Require(string variable, string what) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{variable} is not set: run tests/run.sh, which starts {what}.");
}
