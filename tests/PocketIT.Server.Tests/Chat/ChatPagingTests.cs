using PocketIT.Server.PocketIt.Chat;

namespace PocketIT.Server.Tests.Chat;

public sealed class ChatPagingTests
{
    [Theory]
    [InlineData(null, null, 50, 0)]
    [InlineData("", "", 50, 0)]
    [InlineData("0", "0", 0, 0)]
    [InlineData("100", "50", 100, 50)]
    [InlineData("501", "0", 500, 0)]
    public void Valid_values_parse_with_defaults_and_cap(string? limit, string? offset, int expectedLimit, int expectedOffset)
    {
        var (l, o, error) = ChatPaging.Parse(limit, offset);
        Assert.Null(error);
        Assert.Equal(expectedLimit, l);
        Assert.Equal(expectedOffset, o);
    }

    [Theory]
    [InlineData("-1", null)]
    [InlineData("+5", null)]
    [InlineData(" 5", null)]
    [InlineData(null, "x")]
    public void Signs_spaces_and_words_are_refused(string? limit, string? offset)
    {
        Assert.NotNull(ChatPaging.Parse(limit, offset).Error);
    }
}
