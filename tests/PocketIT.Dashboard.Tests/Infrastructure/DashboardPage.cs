using Microsoft.Playwright;

namespace PocketIT.Dashboard.Tests.Infrastructure;

/// <summary>What a person does on the dashboard, in Playwright terms.</summary>
public static class DashboardPage
{
    public static async Task SignInAsync(this IPage page, string username, string password, Func<string>? code = null)
    {
        await page.GotoAsync("/dashboard/");
        var form = page.GetByTestId("login-form");
        await form.GetByLabel("Username").FillAsync(username);
        await form.GetByLabel("Password").FillAsync(password);
        await form.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        if (code is not null)
        {
            var codeForm = page.GetByTestId("code-form");
            await codeForm.GetByLabel("Code").FillAsync(code());
            await codeForm.GetByRole(AriaRole.Button, new() { Name = "Verify" }).ClickAsync();
        }
        await Assertions.Expect(page.GetByTestId("whoami")).ToBeVisibleAsync();
    }

    public static async Task OpenAsync(this IPage page, string hash)
    {
        await page.GotoAsync("/dashboard/" + hash);
        await Assertions.Expect(page.Locator("#main .page:not(.loading)")).ToBeVisibleAsync();
    }
}
