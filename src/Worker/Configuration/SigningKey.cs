using System.Security.Cryptography;

namespace MailTicketing.Worker.Configuration;

/// <summary>
/// The key that signs our Message-IDs. From an environment variable when set (several workers
/// must share it); otherwise from a key file in the data folder, created on first use and
/// readable only by its owner. The key is never logged.
/// </summary>
public static class SigningKey
{
    public static byte[] Load(WorkerOptions options)
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(options.SigningKeyVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            try
            {
                var key = Convert.FromBase64String(fromEnvironment.Trim());
                return key.Length >= 16 ? key : throw new InvalidOperationException($"{options.SigningKeyVariable} must hold at least 16 bytes (base64).");
            }
            catch (FormatException)
            {
                throw new InvalidOperationException($"{options.SigningKeyVariable} is not valid base64.");
            }
        }

        var path = Path.Combine(options.DataDirectory, "signing.key");
        if (File.Exists(path))
        {
            return Convert.FromBase64String(File.ReadAllText(path).Trim());
        }

        Directory.CreateDirectory(options.DataDirectory);
        var created = RandomNumberGenerator.GetBytes(32);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, Convert.ToBase64String(created));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temporary, path, overwrite: false);
        return created;
    }
}
