using System.Reflection;
using System.Runtime.InteropServices;
using EarthData.Gdal.Native;

namespace EarthData.Gdal.Tests;

public sealed class NativeMethodsGuardTests
{
    private static MethodInfo[] LibraryImports() =>
        typeof(NativeMethods)
            .GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(m => m.GetCustomAttribute<LibraryImportAttribute>() is not null)
            .ToArray();

    [Fact]
    public void LibraryImports_NeverReturnString_SoGdalOwnedMemoryIsNotFreed()
    {
        var imports = LibraryImports();

        Assert.True(imports.Length > 80, $"Expected the full binding, found {imports.Length} imports.");
        var offenders = imports
            .Where(m => m.ReturnType == typeof(string)
                || m.GetParameters().Any(p => p.ParameterType == typeof(string).MakeByRefType()))
            .Select(m => m.Name)
            .ToArray();
        Assert.Empty(offenders);
    }

    [Fact]
    public void LibraryImports_AllTargetGdal()
    {
        Assert.All(LibraryImports(), m => Assert.Equal("gdal", m.GetCustomAttribute<LibraryImportAttribute>()!.LibraryName));
    }

    [Fact]
    public void NativeMethods_HasNoDllImport()
    {
        var dllImports = typeof(NativeMethods)
            .GetMethods(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(m => m.GetCustomAttribute<LibraryImportAttribute>() is null
                && (m.Attributes & MethodAttributes.PinvokeImpl) != 0
                && !m.Name.Contains("__PInvoke", StringComparison.Ordinal)
                && !m.Name.Contains('|', StringComparison.Ordinal))
            .Select(m => m.Name)
            .ToArray();

        Assert.Empty(dllImports);
    }
}
