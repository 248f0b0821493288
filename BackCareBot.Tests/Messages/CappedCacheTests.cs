using BackCareBot.Dialogs.Messages;

namespace BackCareBot.Tests.Messages;

public sealed class CappedCacheTests
{
    [Fact]
    public void GetOrBuild_SameKeyAgain_BuildsOnce()
    {
        var cache = new CappedCache<string, string>(4);
        var builds = 0;

        var first = cache.GetOrBuild("a", (key, _) => { builds++; return key + "!"; }, 0);
        var second = cache.GetOrBuild("a", (key, _) => { builds++; return key + "?"; }, 0);

        Assert.Equal("a!", first);
        Assert.Same(first, second);
        Assert.Equal(1, builds);
    }

    [Fact]
    public void GetOrBuild_Full_StillAnswersButKeepsNoMore()
    {
        var cache = new CappedCache<int, string>(2);
        var builds = 0;
        string Build(int key, int _)
        {
            builds++;
            return key.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var key in new[] { 1, 2, 3, 3, 1 })
        {
            Assert.Equal(key.ToString(System.Globalization.CultureInfo.InvariantCulture), cache.GetOrBuild(key, Build, 0));
        }

        Assert.Equal(4, builds);
    }
}
