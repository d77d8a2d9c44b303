using System.Globalization;

namespace EarthData.CatalogBench;

/// <summary>Command line of the catalogue benchmark.</summary>
internal sealed record BenchOptions
{
    public string Store { get; init; } = "sqlite";

    public int Items { get; init; } = 100_000;

    public int Queries { get; init; } = 200;

    public int Batch { get; init; } = 2_000;

    /// <summary>Queries of each kind timed again with <c>numberMatched</c> counted (the server's default).</summary>
    public int CountQueries { get; init; } = 20;

    public string SqlitePath { get; init; } = Path.Combine(Path.GetTempPath(), "earthdata-catalogbench.db");

    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("EARTHDATA_TEST_POSTGRES");

    /// <summary>Reuse the items already loaded (skip the insert phase) when the store holds exactly <see cref="Items"/>.</summary>
    public bool Reuse { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--store" => options with { Store = Value() },
                "--items" => options with { Items = Count(Value(), "--items") },
                "--queries" => options with { Queries = Count(Value(), "--queries") },
                "--batch" => options with { Batch = Count(Value(), "--batch") },
                "--count-queries" => options with { CountQueries = Count(Value(), "--count-queries") },
                "--sqlite-path" => options with { SqlitePath = Value() },
                "--postgres" => options with { Postgres = Value() },
                "--reuse" => options with { Reuse = true },
                _ => throw new ArgumentException($"unknown option '{args[i]}'; options: --store sqlite|postgres --items N --queries N --batch N --count-queries N --sqlite-path FILE --postgres CONNSTRING --reuse"),
            };
        }

        if (options.Store is not ("sqlite" or "postgres"))
        {
            throw new ArgumentException($"--store: '{options.Store}' is not sqlite or postgres");
        }

        if (options.Store == "postgres" && string.IsNullOrWhiteSpace(options.Postgres))
        {
            throw new ArgumentException("--postgres or EARTHDATA_TEST_POSTGRES is required for --store postgres");
        }

        return options;
    }

    private static int Count(string text, string name) =>
        int.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{name}: '{text}' is not a positive integer");
}
