using System.Xml.Linq;

namespace EarthData.Imaging.Cog;

/// <summary>Edits the <c>&lt;Metadata&gt;</c> (default domain) of a VRT dataset or band element.</summary>
internal static class CogMetadata
{
    /// <summary>Sets <c>&lt;MDI key="…"&gt;</c> in the default-domain metadata of <paramref name="owner"/>, replacing any previous value.</summary>
    public static void SetItem(XElement owner, string key, string value)
    {
        var metadata = owner.Elements("Metadata").FirstOrDefault(m => m.Attribute("domain") is null);
        if (metadata is null)
        {
            metadata = new XElement("Metadata");
            owner.AddFirst(metadata);
        }

        var item = metadata.Elements("MDI").FirstOrDefault(m => (string?)m.Attribute("key") == key);
        if (item is null)
        {
            metadata.Add(new XElement("MDI", new XAttribute("key", key), value));
        }
        else
        {
            item.Value = value;
        }
    }
}
