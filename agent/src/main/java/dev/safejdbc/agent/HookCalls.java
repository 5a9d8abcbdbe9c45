package dev.safejdbc.agent;

import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Rewrites one {@code Driver.connect(String, Properties)} or {@code DataSource.getConnection(..)}
 * body so that it calls {@link ConnectionHook}: on entry; at its end, where every
 * {@code ARETURN} now jumps with the connection, returning what the hook returns; and, when the
 * body throws, once more before the throwable goes on. The exit and the handler lie after the body,
 * outside its own try blocks, and the handler is last in the exception table, so the body's own
 * handlers behave as before. Only calls, jumps and one handler are added, no field, method or
 * local, so a class already loaded can be retransformed.
 */
final class HookCalls extends MethodVisitor {
    private static final String HOOK = ConnectionHook.class.getName().replace('.', '/');
    private static final String OBJECT = "Ljava/lang/Object;";

    private final String owner;
    private final boolean connect;
    private final boolean withFrames;
    private final Label body = new Label();
    private final Label exit = new Label();

    /**
     * @param owner      the class's internal name
     * @param connect    whether this is {@code connect(String, Properties)} (else {@code getConnection})
     * @param withFrames whether the class file has stack map frames (version 50 and later)
     */
    HookCalls(MethodVisitor method, String owner, boolean connect, boolean withFrames) {
        super(Opcodes.ASM9, method);
        this.owner = owner;
        this.connect = connect;
        this.withFrames = withFrames;
    }

    @Override
    public void visitCode() {
        super.visitCode();
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, connect ? "enterConnect" : "enterGetConnection",
                "(" + OBJECT + ")V", false);
        super.visitLabel(body);
    }

    @Override
    public void visitInsn(int opcode) {
        if (opcode == Opcodes.ARETURN) {
            super.visitJumpInsn(Opcodes.GOTO, exit);
        } else {
            super.visitInsn(opcode);
        }
    }

    @Override
    public void visitMaxs(int maxStack, int maxLocals) {
        super.visitLabel(exit);
        // the parameters as declared: what the exit reads (javac never stores another type there)
        Object[] parameters = connect ? new Object[] {owner, "java/lang/String", "java/util/Properties"}
                : new Object[] {owner};
        frame(parameters, "java/sql/Connection");
        super.visitVarInsn(Opcodes.ALOAD, 0); // the stack holds the connection; the hook takes it first
        if (connect) {
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitVarInsn(Opcodes.ALOAD, 2);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "returnConnect",
                    "(" + OBJECT + OBJECT + "Ljava/lang/String;Ljava/util/Properties;)" + OBJECT, false);
        } else {
            super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, "returnGetConnection",
                    "(" + OBJECT + OBJECT + ")" + OBJECT, false);
        }
        super.visitTypeInsn(Opcodes.CHECKCAST, "java/sql/Connection");
        super.visitInsn(Opcodes.ARETURN);

        Label handler = new Label();
        super.visitLabel(handler);
        frame(new Object[] {owner}, "java/lang/Throwable"); // claims only this: the body's other locals vary
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, HOOK, connect ? "thrownFromConnect" : "thrownFromGetConnection",
                "(Ljava/lang/Throwable;" + OBJECT + ")Ljava/lang/Throwable;", false);
        super.visitInsn(Opcodes.ATHROW);
        super.visitTryCatchBlock(body, exit, handler, null); // visited last: the body's own handlers come first
        super.visitMaxs(maxStack, maxLocals); // recomputed by the writer (COMPUTE_MAXS)
    }

    private void frame(Object[] locals, String onStack) {
        if (withFrames) {
            super.visitFrame(Opcodes.F_FULL, locals.length, locals, 1, new Object[] {onStack});
        }
    }
}
