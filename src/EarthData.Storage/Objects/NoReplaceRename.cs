using System.Runtime.InteropServices;

namespace EarthData.Storage.Objects;

/// <summary>
/// Renames a file only if the target name is free, atomically. <see cref="File.Move(string, string, bool)"/>
/// without overwrite checks and then renames on Linux, so two processes creating the same key could both
/// "win"; <c>renameat2(RENAME_NOREPLACE)</c> lets the kernel decide.
/// </summary>
internal static partial class NoReplaceRename
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameNoReplace = 1;
    private const int ErrorExists = 17;
    private const int ErrorInvalid = 22;
    private const int ErrorNotImplemented = 38;

    /// <summary>Moves <paramref name="source"/> to <paramref name="target"/>; <see langword="false"/> when the target exists.</summary>
    /// <remarks>
    /// Off Linux, or on a filesystem without <c>RENAME_NOREPLACE</c>, it falls back to
    /// <see cref="File.Move(string, string, bool)"/> (atomic on Windows; check-then-rename elsewhere).
    /// </remarks>
    public static bool TryMove(string source, string target)
    {
        if (OperatingSystem.IsLinux())
        {
            if (RenameAt2(AtCurrentDirectory, source, AtCurrentDirectory, target, RenameNoReplace) == 0)
            {
                return true;
            }

            var error = Marshal.GetLastPInvokeError();
            if (error == ErrorExists)
            {
                return false;
            }

            if (error is not (ErrorInvalid or ErrorNotImplemented))
            {
                throw new IOException($"Could not rename '{source}' to '{target}': {Marshal.GetPInvokeErrorMessage(error)}.", error);
            }
        }

        try
        {
            File.Move(source, target, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(target) || Directory.Exists(target))
        {
            return false;
        }
    }

    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int RenameAt2(
        int oldDirectory,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath,
        int newDirectory,
        [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath,
        uint flags);
}
