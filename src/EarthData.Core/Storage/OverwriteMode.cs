namespace EarthData.Core.Storage;

/// <summary>What a put does when an object already exists under the key.</summary>
public enum OverwriteMode
{
    /// <summary>Replace the existing object (content and metadata) atomically.</summary>
    Overwrite = 0,

    /// <summary>
    /// Create the object only if the key is free; otherwise fail with <see cref="ObjectAlreadyExistsException"/>
    /// and leave the existing object untouched. Use it where overwriting would be a bug.
    /// </summary>
    CreateOnly = 1,
}
