using System.Text.Json;
using System.Text.Json.Serialization;

namespace Matchmaking.Application.Common.Json;

/// <summary>
/// Refuses <c>null</c> inside a request's lists (<c>"capabilities": [null]</c>) while reading, so no
/// validator or entity ever meets a null element: one rule for every list of every input.
/// </summary>
public sealed class NoNullElementsConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(List<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<List<T>>
    {
        public override List<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                throw new JsonException(NullElementMessage.ExpectedArray);
            }

            var items = new List<T>();
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType == JsonTokenType.Null)
                {
                    throw ElementError(items.Count, new JsonException(NullElementMessage.NullElement));
                }

                try
                {
                    items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
                }
                catch (JsonException element)
                {
                    throw ElementError(items.Count, element);
                }
            }

            return items;
        }

        /// <summary>
        /// The element was read by a nested call, whose path starts again at '$'; the index and that inner
        /// error travel with the exception, and the serializer adds the list's own path.
        /// </summary>
        private static JsonException ElementError(int index, JsonException element)
        {
            var error = new JsonException(NullElementMessage.InElement, element);
            error.Data[ListElementError.Index] = index;
            return error;
        }

        public override void Write(Utf8JsonWriter writer, List<T> value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }

            writer.WriteEndArray();
        }
    }
}

public static class NullElementMessage
{
    public const string NullElement = "The list must not contain null.";
    public const string ExpectedArray = "Expected an array.";

    /// <summary>The message of an error inside a list element; the element's own error is the inner exception.</summary>
    public const string InElement = "Invalid list element.";
}

/// <summary>Keys of <see cref="Exception.Data"/> on an element error: its index, and the path inside the element.</summary>
public static class ListElementError
{
    public const string Index = "index";
}

