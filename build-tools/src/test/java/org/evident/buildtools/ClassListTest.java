package org.evident.buildtools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The launcher's class list for class-data sharing drops only the lambdas of signed jars' classes. */
class ClassListTest {
    @Test
    void dropsTheLambdaProxiesOfClassesFromSignedJarsOnly() {
        // ELK's jars are signed (Eclipse; a test dependency here); our classes come from a folder;
        // the JDK's from jrt:.
        String elk = "org/eclipse/elk/core/data/LayoutMetaDataService";
        List<String> lines = List.of(
                "# a comment",
                "java/lang/Object",
                elk,
                "org/evident/buildtools/ClassList",
                "@lambda-proxy " + elk + " apply ()Ljava/util/function/Function; (Ljava/lang/Object;)Ljava/lang/Object;",
                "@lambda-proxy org/evident/buildtools/ClassList apply ()Ljava/util/function/Function;",
                "@lambda-proxy java/util/stream/Collectors get ()Ljava/util/function/Supplier;",
                "@lambda-form-invoker [LF_RESOLVE] java.lang.invoke.DirectMethodHandle$Holder invokeStatic L7_L");
        List<String> kept = ClassList.withoutSignedLambdas(lines, getClass().getClassLoader());
        assertEquals(List.of(lines.get(0), lines.get(1), lines.get(2), lines.get(3), lines.get(5), lines.get(6), lines.get(7)), kept);
    }
}
