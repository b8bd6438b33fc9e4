using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace MailTicketing.Rules.Loading;

/// <summary>Collects every error with the position of the node it is about, and reads typed values.</summary>
internal sealed class ParseContext(string fileName, RuleSetOptions options)
{
    public string FileName { get; } = fileName;
    public RuleSetOptions Options { get; } = options;
    public List<RuleError> Errors { get; } = [];

    public void Error(YamlNode node, string message) =>
        Errors.Add(new RuleError(FileName, (int)node.Start.Line, (int)node.Start.Column, message));

    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" };

    public bool TryString(YamlNode node, string what, out string value)
    {
        value = "";
        if (node is not YamlScalarNode scalar || IsNull(node))
        {
            Error(node, $"'{what}' must be a single value, not {Describe(node)}");
            return false;
        }

        value = (scalar.Value ?? "").Trim();
        if (value.Length == 0)
        {
            Error(node, $"'{what}' must not be empty");
            return false;
        }

        return true;
    }

    /// <summary>A single value or a non-empty list of values.</summary>
    public bool TryStrings(YamlNode node, string what, out List<string> values)
    {
        values = [];
        if (node is YamlScalarNode)
        {
            if (!TryString(node, what, out var single))
            {
                return false;
            }

            values.Add(single);
            return true;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Error(node, $"'{what}' must be a value or a list of values, not {Describe(node)}");
            return false;
        }

        if (sequence.Children.Count == 0)
        {
            Error(node, $"'{what}' must not be an empty list");
            return false;
        }

        var ok = true;
        foreach (var item in sequence.Children)
        {
            if (TryString(item, what, out var value))
            {
                values.Add(value);
            }
            else
            {
                ok = false;
            }
        }

        return ok;
    }

    public bool TryBool(YamlNode node, string what, out bool value)
    {
        value = false;
        if (node is YamlScalarNode { Value: "true" or "false" } scalar)
        {
            value = scalar.Value == "true";
            return true;
        }

        Error(node, $"'{what}' must be true or false, not {Describe(node)}");
        return false;
    }

    public bool TryDecimal(YamlNode node, string what, out decimal value)
    {
        value = 0;
        if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain } scalar
            && decimal.TryParse(scalar.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        Error(node, $"'{what}' must be a non-negative number, not {Describe(node)}");
        return false;
    }

    public bool TryMapping(YamlNode node, string what, out YamlMappingNode mapping)
    {
        if (node is YamlMappingNode m)
        {
            mapping = m;
            return true;
        }

        mapping = null!;
        Error(node, $"'{what}' must be a mapping of fields, not {Describe(node)}");
        return false;
    }

    /// <summary>Yields the fields of a mapping whose keys are plain names; reports the others.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Fields(YamlMappingNode mapping)
    {
        foreach (var (keyNode, value) in mapping.Children)
        {
            if (keyNode is YamlScalarNode { Value: { Length: > 0 } key })
            {
                yield return (key, keyNode, value);
            }
            else
            {
                Error(keyNode, $"a field name must be a plain word, not {Describe(keyNode)}");
            }
        }
    }

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode when IsNull(node) => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        _ => "an unsupported node",
    };
}
