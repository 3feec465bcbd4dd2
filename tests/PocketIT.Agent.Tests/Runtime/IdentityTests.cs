using PocketIT.Agent.Identity;
using PocketIT.Agent.Tests.Runtime.Infrastructure;

namespace PocketIT.Agent.Tests.Runtime;

public sealed class IdentityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Directory.CreateTempSubdirectory("pit-identity-").FullName, "data");

    [Fact]
    public void Credentials_are_written_owner_only_and_read_back()
    {
        var store = new CredentialStore(Path.Combine(_dir, "credentials.json"));
        Assert.Null(store.Load());
        var credentials = new DeviceCredentials("dev-1", "s3cret-value", "http://localhost:9100/");
        store.Save(credentials);
        Assert.Equal(credentials, store.Load());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(OwnerOnlyFiles.FileMode, File.GetUnixFileMode(store.Path));
            Assert.Equal(OwnerOnlyFiles.DirectoryMode, File.GetUnixFileMode(_dir));
        }
        store.Save(credentials with { DeviceSecret = "rotated" });
        Assert.Equal("rotated", store.Load()!.DeviceSecret);
        Assert.Single(Directory.GetFiles(_dir)); // no temporary file left behind
    }

    [Fact]
    public void The_secret_never_appears_in_the_credentials_text_form()
    {
        var text = new DeviceCredentials("dev-1", "s3cret-value", "http://x/").ToString();
        Assert.Contains("dev-1", text);
        Assert.DoesNotContain("s3cret-value", text);
    }

    [Fact]
    public void A_corrupt_credentials_file_reads_as_none()
    {
        OwnerOnlyFiles.EnsureDirectory(_dir);
        var path = Path.Combine(_dir, "credentials.json");
        File.WriteAllText(path, "{ not json");
        Assert.Null(new CredentialStore(path).Load());
    }

    [Fact]
    public void The_device_id_prefers_configuration_then_the_machine_then_a_stored_random_id()
    {
        Assert.Equal("lab-pc-7", DeviceIdentity.Resolve("Lab PC 7", new FakePlatform { MachineIdValue = "abc" }, _dir));
        Assert.Equal("0f2c9a6e-1b2c", DeviceIdentity.Resolve(null, new FakePlatform { MachineIdValue = " 0F2C9A6E-1B2C\n" }, _dir));

        var random = DeviceIdentity.Resolve(null, new FakePlatform { MachineIdValue = null }, _dir);
        Assert.True(Guid.TryParse(random, out _));
        Assert.Equal(random, DeviceIdentity.Resolve(null, new FakePlatform { MachineIdValue = "" }, _dir));
    }

    [Fact]
    public void Device_ids_are_normalised_and_capped()
    {
        Assert.Equal(DeviceIdentity.MaxLength, DeviceIdentity.Normalise(new string('a', 300))!.Length);
        Assert.Null(DeviceIdentity.Normalise("  \t"));
        Assert.Null(DeviceIdentity.Normalise("//\u001b"));
        Assert.Equal("host.local_1", DeviceIdentity.Normalise("Host.Local_1"));
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_dir)!, recursive: true);
}
