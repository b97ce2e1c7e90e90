package com.example.catalog;

import io.sparta.annotations.Access;
import io.sparta.annotations.Grant;
import io.sparta.annotations.SpartaLambda;
import io.sparta.runtime.customresource.CustomResourceFunction;
import io.sparta.runtime.customresource.CustomResourceRequest;
import io.sparta.runtime.customresource.CustomResourceResult;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Keeps the rows a {@code Custom::TableSeed} names in its table: put on Create, changed on Update, gone on Delete. */
@SpartaLambda(name = "Seeder", timeout = 60)
@Grant(resource = "products", access = Access.WRITE)
public class Seeder extends CustomResourceFunction {

    private static final DynamoDbClient DYNAMODB = DynamoDbClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    @Override
    protected CustomResourceResult create(CustomResourceRequest request) {
        String table = request.property("TableName");
        List<String> ids = ids(request.property("Ids"));
        ids.forEach(id -> put(table, id));
        return CustomResourceResult.of("seed-" + table).withData("RowCount", String.valueOf(ids.size()));
    }

    @Override
    protected CustomResourceResult update(CustomResourceRequest request) {
        String table = request.property("TableName");
        List<String> ids = ids(request.property("Ids"));
        Set<String> gone = new LinkedHashSet<>(ids(request.oldProperty("Ids")));
        ids.forEach(gone::remove);
        gone.forEach(id -> delete(table, id));
        ids.forEach(id -> put(table, id));
        return CustomResourceResult.of("seed-" + table).withData("RowCount", String.valueOf(ids.size()));
    }

    @Override
    protected void delete(CustomResourceRequest request) {
        String table = request.property("TableName");
        ids(request.property("Ids")).forEach(id -> delete(table, id));
    }

    private static List<String> ids(String text) {
        return List.of(text.split(","));
    }

    private static void put(String table, String id) {
        DYNAMODB.putItem(r -> r.tableName(table).item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static void delete(String table, String id) {
        DYNAMODB.deleteItem(r -> r.tableName(table).key(Map.of("id", AttributeValue.fromS(id))));
    }
}
