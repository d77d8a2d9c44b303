using EarthData.Testing;

namespace EarthData.Core.Tests;

/// <summary>The reference files the tests read travel with the repository, each named in <c>tests/fixtures/SOURCES.md</c>.</summary>
public sealed class ReferenceFixturesTests
{
    [Fact]
    public void Root_IsTheRepositoryFixturesFolder_WhenNothingIsBesideTheClone()
    {
        var root = new DirectoryInfo(SharedData.Root);
        Assert.Equal("fixtures", root.Name);
        Assert.Equal("tests", root.Parent?.Name);
        Assert.True(File.Exists(Path.Combine(root.Parent!.Parent!.FullName, "EarthData.sln")), $"{root.FullName} is not inside the repository");
    }

    [Theory]
    [InlineData("cbers-xml")]
    [InlineData("cbers-stac")]
    [InlineData("cap")]
    [InlineData("stac-schemas")]
    public void Sources_NamesOriginAndLicence_ForEveryFixtureFolder(string folder)
    {
        var sources = File.ReadAllText(Path.Combine(SharedData.Root, "SOURCES.md"));
        var rows = sources.Split('\n').Where(line => line.StartsWith($"| `{folder}/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Equal(4, row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(SharedData.Root, folder), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public void Repository_IsApacheLicensed_AndNoticesNameEveryThirdPartyFileItCarries()
    {
        var repository = Directory.GetParent(SharedData.Root)!.Parent!.FullName;
        var licence = File.ReadAllText(Path.Combine(repository, "LICENSE"));
        Assert.Contains("Apache License", licence, StringComparison.Ordinal);
        Assert.Contains("Version 2.0, January 2004", licence, StringComparison.Ordinal);
        Assert.Contains("END OF TERMS AND CONDITIONS", licence, StringComparison.Ordinal);

        var notices = File.ReadAllText(Path.Combine(repository, "THIRD-PARTY-NOTICES.md"));
        foreach (var folder in Directory.GetDirectories(SharedData.Root).Select(Path.GetFileName))
        {
            Assert.Contains($"`tests/fixtures/{folder}/", notices, StringComparison.Ordinal);
        }

        foreach (var owner in new[] { "OASIS Open 2010", "INPE", "radiantearth/stac-spec", "stac-extensions", "npm" })
        {
            Assert.Contains(owner, notices, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Fixtures_ContainEveryFileTheTestsName_WhenCloned()
    {
        Assert.True(File.Exists(SharedData.CapSchema));
        Assert.All(SharedFixtures.XmlFileNames, name => Assert.True(File.Exists(SharedFixtures.Xml(name)), name));
        Assert.True(File.Exists(Path.Combine(SharedData.StacSchemas, "schemas.stacspec.org", "v1.1.0", "item-spec", "json-schema", "item.json")));
    }
}
