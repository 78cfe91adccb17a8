package dev.weft.it.fuzz;

import static dev.weft.Async.await;
import dev.weft.Generator;
import dev.weft.Future;
import dev.weft.fuzz.rt.*;
import java.util.concurrent.CompletableFuture;

@SuppressWarnings({"all", "cast", "fallthrough", "divzero", "empty", "finally", "static"})
public final class Pllal60j {
int f = 3;
static final Object LOCK = new Object();
public static Future<Integer> m0(int d) throws Exception {
if (d <= 0) return Future.ready(await(L.i(8)));
return Future.ready(L.va(6, 0, ((int) await(L.i(3)))));
}

static CompletableFuture<Integer> e1(int d, boolean p41) throws Exception {
if (d <= 0) return CompletableFuture.completedFuture(await(L.i(1)));
int[] v44 = new int[] {0};
int v45 = 5;
try {
long v46 = 0L;
}
catch (FuzzException ex47) {
T.t("caught " + ex47.getMessage());
{
{ int i51 = 0; L50: do {
synchronized (L.lock((int) await(L.i(0)))) {
}
}
while (++i51 < 0); }
}
}
catch (RuntimeException ex53) {
T.t("caught " + ex53.getMessage());
{
}
}
finally {
try {
T.t((short) 9);
}
finally {
Object v54 = (false ? "" : (Integer) ((int) ((int) await(m0(d - 1)))));
try {
if ((((long) await(L.j(1L))) == 0L)) throw new FuzzException("t" + 6);
synchronized (Pllal60j.LOCK) {
try {
synchronized (Pllal60j.LOCK) {
}
}
catch (RuntimeException ex59) {
T.t("sync caught " + ex59.getMessage());
{
v44 = new int[] {0, 0, 0};
}
}
finally {
{
float v61 = (2.25f - 9.25f);
T.t("");
}
}
if ((0.5 < 8.25f)) return CompletableFuture.completedFuture((switch (Math.floorMod(((int) 0), 4)) { case 0 -> 0; case 1, 2 -> { T.t("s2"); yield java.util.Objects.requireNonNull(0); } default -> v45; }));
}
}
catch (FuzzException ex63) {
T.t("sync caught " + ex63.getMessage());
await(L.v());
{
}
}
finally {
{
try {
synchronized (Pllal60j.LOCK) {
L66: for (int i67 = 0; i67 < 3; i67++) {
synchronized (Pllal60j.LOCK) {
Object v68 = (false ? "c" : (p41 ? "o" : "o"));
String v69 = "";
if ((false || p41)) continue;
if (p41) break;
int v70 = 2;
}
T.t("s1".toUpperCase());
}
char v71 = (p41 ? (p41 ? 'a' : 'a') : 'a');
}
try {
Fn fn72 = x73 -> m0(d - 1);
L76: for (int i77 = 0; i77 < 3; i77++) {
synchronized (Pllal60j.class) {
T.t("");
if ("s0".isEmpty()) break;
L79: for (int i80 = 0; i80 < 3; i80++) {
synchronized (L.lock(('y' + (short) 9))) {
Object v81 = "o1";
double v82 = ((long) (int) (i77) / 4.0);
if (p41) continue L76;
boolean v83 = (v82 < -3.25f);
}
Box v84 = new Box(0);
}
}
await(L.i(0));
}
}
finally {
{
synchronized (L.lock((int) await(L.i(0)))) {
String v85 = (switch ("s0") { case "s1", "s2" -> ""; case "s3" -> { T.t(0); yield java.util.Objects.requireNonNull(new Box(8).toString()); } default -> String.valueOf(((Object) "o")); });
}
}
}
}
catch (FuzzException ex87) {
T.t("sync caught " + ex87.getMessage());
await(L.v());
{
T.t(6.5);
}
}
finally {
await(L.i(0));
{
Fn fn88 = x89 -> m0(d - 1);
}
}
}
}
}
}
return CompletableFuture.completedFuture(0);
}

}
