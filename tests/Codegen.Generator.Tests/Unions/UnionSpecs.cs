using Codegen.Generator.Tests.Infrastructure;

namespace Codegen.Generator.Tests.Unions;

/// <summary>A small spec with one union of every kind the generator supports, and a harness that reads and writes them.</summary>
internal static class UnionSpecs
{
    public const string Namespace = "Tests.Unions";

    public const string Yaml = """
        openapi: 3.1.0
        info: {title: Unions, version: '1'}
        paths:
          /pets:
            post:
              operationId: addPet
              requestBody:
                required: true
                content: {application/json: {schema: {$ref: '#/components/schemas/Pet'}}}
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/Shape'}}}
          /owners:
            get:
              operationId: getOwner
              responses:
                '200':
                  description: ok
                  content: {application/json: {schema: {$ref: '#/components/schemas/Owner'}}}
        components:
          schemas:
            Pet:
              description: A pet, told apart by petType.
              oneOf:
                - $ref: '#/components/schemas/Cat'
                - $ref: '#/components/schemas/Dog'
              discriminator:
                propertyName: petType
                mapping:
                  cat: '#/components/schemas/Cat'
                  dog: '#/components/schemas/Dog'
            Cat:
              type: object
              required: [petType, name]
              properties:
                petType: {type: string}
                name: {type: string, minLength: 2}
                lives: {type: integer}
            Dog:
              type: object
              required: [petType, name]
              properties:
                petType: {type: string}
                name: {type: string}
                barks: {type: boolean}
            Shape:
              oneOf:
                - $ref: '#/components/schemas/Circle'
                - $ref: '#/components/schemas/Square'
              discriminator:
                propertyName: kind
            Circle:
              type: object
              properties:
                kind: {type: string}
                radius: {type: number}
            Square:
              type: object
              properties:
                kind: {type: string}
                side: {type: number}
            Toggle:
              oneOf:
                - $ref: '#/components/schemas/Auto'
                - $ref: '#/components/schemas/Custom'
              discriminator:
                propertyName: custom
                mapping:
                  'False': '#/components/schemas/Auto'
                  'True': '#/components/schemas/Custom'
            Auto:
              type: object
              required: [custom]
              properties:
                custom: {type: boolean, const: false}
                mode: {type: string}
            Custom:
              type: object
              required: [custom]
              properties:
                custom: {type: boolean, const: true}
                value: {type: integer}
            Level:
              oneOf:
                - $ref: '#/components/schemas/LevelOne'
                - $ref: '#/components/schemas/LevelTwo'
              discriminator:
                propertyName: level
                mapping:
                  '1': '#/components/schemas/LevelOne'
                  '2.5': '#/components/schemas/LevelTwo'
            LevelOne:
              type: object
              properties:
                level: {type: number}
                one: {type: string}
            LevelTwo:
              type: object
              properties:
                level: {type: number}
                two: {type: string}
            IdOrName:
              anyOf:
                - {type: integer, format: int64}
                - {type: string}
            Contact:
              oneOf:
                - $ref: '#/components/schemas/Email'
                - $ref: '#/components/schemas/Phone'
            Email:
              type: object
              required: [address]
              properties:
                address: {type: string}
            Phone:
              type: object
              required: [number]
              properties:
                number: {type: string}
            Owner:
              type: object
              properties:
                pets:
                  type: array
                  items: {$ref: '#/components/schemas/Pet'}
                id: {$ref: '#/components/schemas/IdOrName'}
                nickname:
                  oneOf:
                    - {type: string}
                    - {type: 'null'}
                contact: {$ref: '#/components/schemas/Contact'}
                tags:
                  oneOf:
                    - {type: array, items: {type: string}}
                    - {type: string}
                toggle: {$ref: '#/components/schemas/Toggle'}
                level: {$ref: '#/components/schemas/Level'}
        """;

    public const string Harness = """
        using System.Linq;
        using System.Text;
        using System.Text.Json;
        using Codegen.Runtime.Json;
        using Tests.Unions;

        namespace TestHarness
        {
            public static class UnionProbe
            {
                public static object Read(string type, string json) => type switch
                {
                    "Pet" => Read<Pet>(json),
                    "Shape" => Read<Shape>(json),
                    "Toggle" => Read<Toggle>(json),
                    "Level" => Read<Level>(json),
                    "IdOrName" => Read<IdOrName>(json),
                    "Contact" => Read<Contact>(json),
                    "Owner" => Read<Owner>(json),
                    _ => throw new System.ArgumentException(type),
                };

                public static string Write(object value) => value switch
                {
                    Pet v => Write(v),
                    Shape v => Write(v),
                    Toggle v => Write(v),
                    Level v => Write(v),
                    IdOrName v => Write(v),
                    Contact v => Write(v),
                    Owner v => Write(v),
                    _ => throw new System.ArgumentException(value.GetType().Name),
                };

                public static string RoundTrip(string type, string json) => Write(Read(type, json));

                public static int ErrorCount(object value) => ((Codegen.Runtime.Validation.IValidatable)value).Validate().Errors.Count;

                public static string Errors(object value) => string.Join(";", ((Codegen.Runtime.Validation.IValidatable)value).Validate().Errors.Select(e => e.Path + " " + e.Rule));

                public static string WriteConverted()
                {
                    Pet cat = new Cat { PetType = "cat", Name = "Tom" };
                    IdOrName number = 42L;
                    IdOrName text = "forty-two";
                    var owner = new Owner { Id = number, Pets = new[] { cat, (Pet)new Dog { PetType = "dog", Name = "Rex" } }, Tags = OwnerTags.FromStringList(new[] { "a" }) };
                    return Write(owner) + "|" + Write(text) + "|" + Write(new Pet());
                }

                private static T Read<T>(string json) where T : IJsonModel<T>
                {
                    var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var value = T.ReadJson(ref reader);
                    if (reader.Read()) throw new JsonException("The reader was not left on the value's last token.");
                    return value;
                }

                private static string Write<T>(T value) where T : IJsonModel<T>
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new Utf8JsonWriter(buffer))
                    {
                        value.WriteJson(writer);
                    }
                    return Encoding.UTF8.GetString(buffer.WrittenSpan);
                }
            }
        }
        """;

    public static InMemoryAdditionalText Spec() => InMemoryAdditionalText.Spec("/project/specs/unions.yaml", Yaml, Namespace, "UnionsClient");
}
