namespace EarthData.Gdal.Tests;

public sealed class VsiMemTests
{
    [Fact]
    public void WriteFile_ReadAllBytes_RoundTrip_ThenDelete()
    {
        var path = VsiMem.CreatePath("blob.bin");
        byte[] data = [1, 2, 3, 250, 0, 7];

        VsiMem.WriteFile(path, data);
        Assert.True(VsiMem.Exists(path));
        Assert.Equal(data, VsiMem.ReadAllBytes(path));

        VsiMem.Delete(path);
        Assert.False(VsiMem.Exists(path));
        VsiMem.Delete(path);
    }

    [Fact]
    public void WriteFile_AcceptsEmptyData()
    {
        var path = VsiMem.CreatePath("empty.bin");
        try
        {
            VsiMem.WriteFile(path, []);

            Assert.Empty(VsiMem.ReadAllBytes(path));
        }
        finally
        {
            VsiMem.Delete(path);
        }
    }

    [Fact]
    public void ReadAllBytes_ReturnsEmpty_ForEmptyFileGdalCreated()
    {
        using var scope = new VsiMemScope();
        var path = scope.GetPath("empty-by-gdal.bin");
        var file = Native.NativeMethods.VSIFOpenL(path, "wb");
        Assert.NotEqual(0, file);
        Assert.Equal(0, Native.NativeMethods.VSIFCloseL(file));

        Assert.True(VsiMem.Exists(path));
        Assert.Empty(VsiMem.ReadAllBytes(path));
    }

    [Fact]
    public void ReadAllBytes_ReturnsConsistentCopies_WhileAnotherThreadRewritesTheFile()
    {
        using var scope = new VsiMemScope();
        var path = scope.GetPath("rewritten.bin");
        var small = new byte[16];
        var large = new byte[256 * 1024];
        Array.Fill(small, (byte)1);
        Array.Fill(large, (byte)2);
        VsiMem.WriteFile(path, small);
        using var stop = new CancellationTokenSource();
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                VsiMem.WriteFile(path, large);
                VsiMem.WriteFile(path, small);
            }
        });
        writer.Start();

        try
        {
            for (var i = 0; i < 2000; i++)
            {
                byte[] read;
                try
                {
                    read = VsiMem.ReadAllBytes(path);
                }
                catch (FileNotFoundException)
                {
                    continue; // Replacing a file unlinks it for an instant.
                }

                Assert.True(read.Length is 16 or 256 * 1024, $"read {read.Length} bytes");
                Assert.True(read.AsSpan().IndexOfAnyExcept(read[0]) < 0, "a read mixed two versions of the file");
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }
    }

    [Fact]
    public void CreatePath_IsUniqueUnderEarthDataRoot()
    {
        var a = VsiMem.CreatePath("x.tif");
        var b = VsiMem.CreatePath("x.tif");

        Assert.NotEqual(a, b);
        Assert.StartsWith("/vsimem/earthdata/", a, StringComparison.Ordinal);
        Assert.EndsWith("/x.tif", a, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadAllBytes_Throws_WhenMissing()
    {
        Assert.Throws<FileNotFoundException>(() => VsiMem.ReadAllBytes(VsiMem.CreatePath("missing.bin")));
    }

    [Fact]
    public void Methods_Throw_WhenPathNotUnderVsimem()
    {
        Assert.Throws<ArgumentException>(() => VsiMem.Delete("/tmp/important"));
        Assert.Throws<ArgumentException>(() => VsiMem.DeleteDirectory("/"));
        Assert.Throws<ArgumentException>(() => VsiMem.WriteFile("relative.bin", [1]));
    }

    [Fact]
    public void WrittenFile_OpensAsDataset()
    {
        using var scope = new VsiMemScope();
        var tiffPath = scope.GetPath("a.tif");
        using (var source = TestRasters.CreateSequential(4, 4))
        using (var copy = GdalDataset.CreateCopy("GTiff", tiffPath, source))
        {
            copy.Close();
        }

        var bytes = VsiMem.ReadAllBytes(tiffPath);
        var copiedPath = scope.GetPath("b.tif");
        VsiMem.WriteFile(copiedPath, bytes);

        using var reopened = GdalDataset.Open(copiedPath);
        Assert.Equal((4, 4), (reopened.Width, reopened.Height));
    }

    [Fact]
    public void Scope_DeletesItsFiles_OnDispose()
    {
        string path;
        using (var scope = new VsiMemScope())
        {
            path = scope.GetPath("inner/file.bin");
            VsiMem.WriteFile(path, [42]);
            Assert.True(VsiMem.Exists(path));
            Assert.StartsWith(scope.Directory + "/", path, StringComparison.Ordinal);
        }

        Assert.False(VsiMem.Exists(path));
    }

    [Fact]
    public void DeleteDirectory_RemovesGdalSidecars()
    {
        var path = VsiMem.CreatePath("with-ovr.tif");
        using (var created = GdalDataset.Create("GTiff", path, 32, 32, 1, GdalDataType.Byte))
        {
            created.Close();
        }

        using (var readOnly = GdalDataset.Open(path))
        {
            readOnly.BuildOverviews("NEAREST", [2]);
            Assert.Contains(path + ".ovr", readOnly.GetFileList());
        }

        VsiMem.DeleteDirectory(VsiMem.ParentOf(path)!);

        Assert.False(VsiMem.Exists(path));
        Assert.False(VsiMem.Exists(path + ".ovr"));
    }

    [Fact]
    public void Scope_GetPath_Throws_AfterDispose()
    {
        var scope = new VsiMemScope();
        scope.Dispose();

        Assert.Throws<ObjectDisposedException>(() => scope.GetPath("x"));
    }
}
