using EarthData.Cli;

return await EarthDataCli.RunAsync(args).ConfigureAwait(false);
