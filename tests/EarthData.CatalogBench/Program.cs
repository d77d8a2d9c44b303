using EarthData.CatalogBench;

try
{
    var options = BenchOptions.Parse(args);
    return await CatalogBenchmark.RunAsync(options, Console.Out);
}
catch (ArgumentException ex)
{
    await Console.Error.WriteLineAsync("error: " + ex.Message);
    return 2;
}
