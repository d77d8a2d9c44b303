using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// A raster band borrowed from a <see cref="GdalDataset"/>: it is valid only while the dataset is open
/// (afterwards every member throws <see cref="ObjectDisposedException"/>). Overview and mask bands are also
/// invalidated by <see cref="GdalDataset.BuildOverviews"/>. Not thread-safe, like its dataset.
/// </summary>
public sealed partial class GdalBand
{
    private readonly GdalDataset _dataset;
    private readonly nint _band;
    private readonly int? _overviewGeneration;

    /// <param name="dataset">Owner of the band.</param>
    /// <param name="band">The borrowed band pointer.</param>
    /// <param name="overviewGeneration">
    /// For overview and mask bands, the dataset's <see cref="GdalDataset.OverviewGeneration"/> when obtained; null for main bands.
    /// </param>
    internal GdalBand(GdalDataset dataset, nint band, int? overviewGeneration)
    {
        _dataset = dataset;
        _band = band;
        _overviewGeneration = overviewGeneration;
    }

    /// <summary>The dataset this band belongs to.</summary>
    public GdalDataset Dataset => _dataset;

    /// <summary>1-based band number (0 for some overview or mask bands).</summary>
    public int BandNumber => Call(static b => NativeMethods.GDALGetBandNumber(b));

    /// <summary>Width in pixels.</summary>
    public int Width => Call(static b => NativeMethods.GDALGetRasterBandXSize(b));

    /// <summary>Height in lines.</summary>
    public int Height => Call(static b => NativeMethods.GDALGetRasterBandYSize(b));

    /// <summary>Pixel data type.</summary>
    public GdalDataType DataType => Call(static b => NativeMethods.GDALGetRasterDataType(b));

    /// <summary>Natural block size (the most efficient read unit).</summary>
    public unsafe (int Width, int Height) BlockSize
    {
        get
        {
            using var lease = Lease();
            int width, height;
            NativeMethods.GDALGetBlockSize(_band, &width, &height);
            return (width, height);
        }
    }

    /// <summary>The nodata value, or null when none is set; setting null removes it.</summary>
    public unsafe double? NoDataValue
    {
        get
        {
            using var lease = Lease();
            int success;
            var value = NativeMethods.GDALGetRasterNoDataValue(_band, &success);
            return success != 0 ? value : null;
        }

        set
        {
            if (value is not { } noData)
            {
                DeleteNoDataValue();
                return;
            }

            using var lease = Lease();
            using var scope = new GdalErrorScope();
            var result = NativeMethods.GDALSetRasterNoDataValue(_band, noData);
            scope.ThrowIfFailed(result != 0, Context("Setting the nodata value"));
        }
    }

    /// <summary>Removes the nodata value.</summary>
    public void DeleteNoDataValue()
    {
        using var lease = Lease();
        using var scope = new GdalErrorScope();
        var result = NativeMethods.GDALDeleteRasterNoDataValue(_band);
        scope.ThrowIfFailed(result != 0, Context("Deleting the nodata value"));
    }

    /// <summary>How the band's values are meant to be displayed.</summary>
    public ColorInterpretation ColorInterpretation
    {
        get => Call(static b => NativeMethods.GDALGetRasterColorInterpretation(b));
        set
        {
            EnumGuard.ThrowIfUndefined(value, nameof(value));
            using var lease = Lease();
            using var scope = new GdalErrorScope();
            var result = NativeMethods.GDALSetRasterColorInterpretation(_band, value);
            scope.ThrowIfFailed(result != 0, Context("Setting the color interpretation"));
        }
    }

    /// <summary>Number of overviews (reduced-resolution copies).</summary>
    public int OverviewCount => Call(static b => NativeMethods.GDALGetOverviewCount(b));

    /// <summary>The overview at a 0-based index (largest first); borrowed from the same dataset.</summary>
    public GdalBand GetOverview(int index)
    {
        using var lease = Lease();
        var count = NativeMethods.GDALGetOverviewCount(_band);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        using var scope = new GdalErrorScope();
        var overview = NativeMethods.GDALGetOverview(_band, index);
        scope.ThrowIfFailed(overview == 0, Context($"Getting overview {index}"));
        return new GdalBand(_dataset, overview, _dataset.OverviewGeneration);
    }

    /// <summary>The band's mask (255 = valid, 0 = invalid); borrowed from the same dataset.</summary>
    public GdalBand GetMaskBand()
    {
        using var lease = Lease();
        using var scope = new GdalErrorScope();
        var mask = NativeMethods.GDALGetMaskBand(_band);
        scope.ThrowIfFailed(mask == 0, Context("Getting the mask band"));
        return new GdalBand(_dataset, mask, _dataset.OverviewGeneration);
    }

    /// <summary>Describes where the mask comes from (all valid, nodata, alpha, per dataset).</summary>
    public MaskFlags MaskFlags => (MaskFlags)Call(static b => NativeMethods.GDALGetMaskFlags(b));

    /// <summary>The band description (often empty).</summary>
    public string? Description
    {
        get
        {
            using var lease = Lease();
            return NativeStrings.Copy(NativeMethods.GDALGetDescription(_band));
        }

        set
        {
            using var lease = Lease();
            NativeMethods.GDALSetDescription(_band, value ?? string.Empty);
        }
    }

    /// <summary>Scale to physical values (physical = raw × Scale + Offset); 1 when unset.</summary>
    public unsafe double Scale
    {
        get
        {
            using var lease = Lease();
            return NativeMethods.GDALGetRasterScale(_band, null);
        }

        set
        {
            using var lease = Lease();
            using var scope = new GdalErrorScope();
            var result = NativeMethods.GDALSetRasterScale(_band, value);
            scope.ThrowIfFailed(result != 0, Context("Setting the scale"));
        }
    }

    /// <summary>Offset to physical values (physical = raw × Scale + Offset); 0 when unset.</summary>
    public unsafe double Offset
    {
        get
        {
            using var lease = Lease();
            return NativeMethods.GDALGetRasterOffset(_band, null);
        }

        set
        {
            using var lease = Lease();
            using var scope = new GdalErrorScope();
            var result = NativeMethods.GDALSetRasterOffset(_band, value);
            scope.ThrowIfFailed(result != 0, Context("Setting the offset"));
        }
    }

    /// <summary>The raw band pointer, valid only while a <see cref="Lease"/> is held.</summary>
    internal nint RawHandle => _band;

    /// <summary>Keeps the owning dataset open while the band pointer is used.</summary>
    internal HandleLease Lease()
    {
        ObjectDisposedException.ThrowIf(_dataset.IsClosed, this);
        if (_overviewGeneration is { } generation && generation != _dataset.OverviewGeneration)
        {
            throw new ObjectDisposedException(
                nameof(GdalBand),
                $"This overview or mask band of '{_dataset.Path}' was invalidated by BuildOverviews; get it again from the dataset's band.");
        }

        return _dataset.Lease();
    }

    private string Context(string operation) => $"{operation} (band of '{_dataset.Path}')";

    private TResult Call<TResult>(Func<nint, TResult> call)
    {
        using var lease = Lease();
        return call(_band);
    }
}
