using EarthData.Gdal.Native;

namespace EarthData.Gdal;

/// <summary>
/// The C heap GDAL allocates from. glibc gives contending threads their own malloc arenas (up to 8 per core) and keeps
/// the blocks freed in them for reuse: GDAL's decode and encode buffers, allocated on pyramid and COG worker threads,
/// then stay resident though unused (a full AWFI publish peaked at 977–985 MiB RSS; with <see cref="Trim"/> every
/// second, 457 MiB in the same time). Capping the arenas at run time does not help: the runtime's own threads have
/// created them before <c>Main</c>.
/// </summary>
public static class NativeHeap
{
    /// <summary>
    /// Returns the free memory of every malloc arena to the system (glibc's <c>malloc_trim</c>: whole free pages are
    /// released, live blocks stay); false where the C library has no <c>malloc_trim</c> or nothing was released.
    /// </summary>
    public static bool Trim()
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            return LibcMethods.MallocTrim(0) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false; // musl and other C libraries
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }
}
