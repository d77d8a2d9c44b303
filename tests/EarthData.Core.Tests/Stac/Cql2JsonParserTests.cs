using EarthData.Core.Catalog;
using EarthData.Core.Stac;

namespace EarthData.Core.Tests.Stac;

public sealed class Cql2JsonParserTests
{
    [Fact]
    public void Parse_ReadsLogicComparisonsAndReversedOperands()
    {
        var filter = Cql2JsonParser.Parse("""
            {"op":"and","args":[
              {"op":"<","args":[{"property":"eo:cloud_cover"},10]},
              {"op":">","args":[5,{"property":"cbers:path"}]},
              {"op":"not","args":[{"op":"isNull","args":[{"property":"view:sun_elevation"}]}]},
              {"op":"t_intersects","args":[{"property":"datetime"},{"interval":["2020-01-01T00:00:00Z",".."]}]}
            ]}
            """);

        var and = Assert.IsType<CqlAnd>(filter);
        Assert.Equal(new CqlComparison("eo:cloud_cover", CqlOperator.Less, CqlLiteral.Number(10)), and.Args[0]);
        Assert.Equal(new CqlComparison("cbers:path", CqlOperator.Less, CqlLiteral.Number(5)), and.Args[1]);
        var temporal = Assert.IsType<CqlTemporalIntersects>(and.Args[3]);
        Assert.Null(temporal.Interval.End);
    }

    [Theory]
    [InlineData("""{"op":"and","args":[{"op":"=","args":[{"property":"a"},1]}]}""", "filter/args")]
    [InlineData("""{"op":"or","args":[{"op":"=","args":[{"property":"a"},1]},{"op":"~","args":[]}]}""", "filter/args/1/op")]
    [InlineData("""{"op":"=","args":[{"property":"a"},[1]]}""", "filter/args/1")]
    [InlineData("""{"op":"s_intersects","args":[{"property":"geometry"},{"type":"Polygon","coordinates":"x"}]}""", "filter/args/1/coordinates")]
    [InlineData("""{"op":"<","args":[{"property":"datetime"},"yesterday"]}""", "filter/args/1")]
    [InlineData("""[1,2]""", "filter")]
    public void Parse_InvalidFilter_NamesTheOffendingPart(string json, string path)
    {
        var ex = Assert.Throws<InvalidQueryException>(() => Cql2JsonParser.Parse(json));

        Assert.Equal(path, ex.Parameter);
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_AbsentPropertyIsUnknown_SoNotDoesNotMatch()
    {
        var item = new StacItem { Id = "a", Properties = { ["x"] = StacJson.Element(3) } };
        var never = (StacItem _, GeoJsonGeometry _) => false;

        Assert.True(CqlEvaluator.Matches(Cql2JsonParser.Parse("""{"op":"=","args":[{"property":"x"},3]}"""), item, never));
        Assert.Null(CqlEvaluator.Evaluate(Cql2JsonParser.Parse("""{"op":"not","args":[{"op":"=","args":[{"property":"y"},3]}]}"""), item, never));
        Assert.True(CqlEvaluator.Matches(Cql2JsonParser.Parse("""{"op":"not","args":[{"op":"=","args":[{"property":"x"},"3"]}]}"""), item, never));
        Assert.True(CqlEvaluator.Matches(Cql2JsonParser.Parse("""{"op":"like","args":[{"property":"id"},"_"]}"""), item, never));
    }

    [Fact]
    public void PageToken_RoundTripsAndRejectsOtherSort()
    {
        var sort = new ItemSearch().EffectiveSort();
        var item = new StacItem { Id = "a", Collection = "c", Properties = { ["datetime"] = StacJson.Element("2020-01-02T03:04:05Z") } };

        var token = PageToken.Encode(sort, PageToken.KeyOf(item, sort));

        Assert.Equal("2020-01-02T03:04:05.0000000Z", PageToken.Decode(token, sort)[0]!.Value.GetString());
        var other = new ItemSearch { SortBy = [new SortField("id")] }.EffectiveSort();
        Assert.Equal("token", Assert.Throws<InvalidQueryException>(() => PageToken.Decode(token, other)).Parameter);
        Assert.Equal("token", Assert.Throws<InvalidQueryException>(() => PageToken.Decode("!!", sort)).Parameter);
    }
}
